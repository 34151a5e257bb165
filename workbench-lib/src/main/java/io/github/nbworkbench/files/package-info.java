/** File writing shared by the library: every file it saves is written atomically (temporary file, then rename). */
package io.github.nbworkbench.files;
