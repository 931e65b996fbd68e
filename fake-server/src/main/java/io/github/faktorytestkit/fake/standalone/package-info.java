/** Internal: no compatibility promise. The standalone drop-in for the faktory binary ({@code java -jar}). */
package io.github.faktorytestkit.fake.standalone;
