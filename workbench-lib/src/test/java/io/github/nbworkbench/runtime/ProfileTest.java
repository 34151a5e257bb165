package io.github.nbworkbench.runtime;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProfileTest {
    @Test
    void anUnsetOrEmptyVariableMeansTheFullProfile() {
        assertEquals(Profile.FULL, Profile.named(null));
        assertEquals(Profile.FULL, Profile.named(""));
        assertEquals(Profile.FULL, Profile.named("  "));
    }

    @Test
    void theVariableNamesAProfileWhateverItsCaseAndBlanks() {
        assertEquals(Profile.SMOKE, Profile.named("smoke"));
        assertEquals(Profile.SMOKE, Profile.named(" SMOKE\n"));
        assertEquals(Profile.FULL, Profile.named("full"));
    }

    @Test
    void anUnknownProfileIsAnErrorNamingTheVariableTheValueAndTheAllowedOnes() {
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> Profile.named("fast"));
        assertEquals("WORKBENCH_PROFILE=fast is not a profile: set it to one of full, smoke, or leave it unset for full.",
                error.getMessage());
    }

    @Test
    void eachProfileChoosesItsValue() {
        assertEquals(5, Profile.FULL.choose(5, 1));
        assertEquals(1, Profile.SMOKE.choose(5, 1));
        assertEquals("b", Profile.SMOKE.choose("a", "b"));
        assertEquals(3e-3, Profile.FULL.choose(3e-3, 5e-3));
    }

    @Test
    void theStaticHelpersFollowTheCurrentProfileForEachType() {
        Profile current = Profile.current();
        assertEquals(current.choose(5, 1), Profile.profile(5, 1));
        assertEquals(current.choose(5_000_000_000L, 2L), Profile.profile(5_000_000_000L, 2L));
        assertEquals(current.choose(3e-3, 5e-3), Profile.profile(3e-3, 5e-3));
        int[] full = {16, 32, 64};
        int[] smoke = {16};
        assertTrue(Profile.profile(full, smoke) == current.choose(full, smoke), "the very array chosen, not a copy");
    }

    @Test
    void theIdIsWhatTheVariableHolds() {
        assertEquals("smoke", Profile.SMOKE.id());
        assertEquals("full", Profile.FULL.toString());
    }
}
