package io.github.nbworkbench.runtime;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProfileTest {
    @Test
    void anUnsetOrEmptyVariableMeansTheWorkshopProfile() {
        assertEquals(Profile.WORKSHOP, Profile.named(null));
        assertEquals(Profile.WORKSHOP, Profile.named(""));
        assertEquals(Profile.WORKSHOP, Profile.named("  "));
    }

    @Test
    void theVariableNamesAProfileWhateverItsCaseAndBlanks() {
        assertEquals(Profile.SMOKE, Profile.named("smoke"));
        assertEquals(Profile.SMOKE, Profile.named(" SMOKE\n"));
        assertEquals(Profile.FULL, Profile.named("full"));
        assertEquals(Profile.WORKSHOP, Profile.named("Workshop"));
    }

    @Test
    void anUnknownProfileIsAnErrorNamingTheVariableTheValueAndTheAllowedOnes() {
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> Profile.named("fast"));
        assertEquals("WORKBENCH_PROFILE=fast is not a profile: set it to one of full, workshop, smoke, "
                + "or leave it unset for workshop.", error.getMessage());
    }

    @Test
    void eachProfileChoosesItsValue() {
        assertEquals(8, Profile.FULL.choose(8, 3, 1));
        assertEquals(3, Profile.WORKSHOP.choose(8, 3, 1));
        assertEquals(1, Profile.SMOKE.choose(8, 3, 1));
        assertEquals("c", Profile.SMOKE.choose("a", "b", "c"));
        assertEquals(3e-3, Profile.FULL.choose(3e-3, 4e-3, 5e-3));
    }

    @Test
    void theStaticHelpersFollowTheCurrentProfileForEachType() {
        Profile current = Profile.current();
        assertEquals(current.choose(8, 3, 1), Profile.profile(8, 3, 1));
        assertEquals(current.choose(5_000_000_000L, 7L, 2L), Profile.profile(5_000_000_000L, 7L, 2L));
        assertEquals(current.choose(3e-3, 4e-3, 5e-3), Profile.profile(3e-3, 4e-3, 5e-3));
        int[] full = {16, 32, 64};
        int[] workshop = {16, 32};
        int[] smoke = {16};
        assertTrue(Profile.profile(full, workshop, smoke) == current.choose(full, workshop, smoke),
                "the very array chosen, not a copy");
    }

    @Test
    void theIdIsWhatTheVariableHolds() {
        assertEquals("smoke", Profile.SMOKE.id());
        assertEquals("workshop", Profile.WORKSHOP.id());
        assertEquals("full", Profile.FULL.toString());
    }
}
