/** Internal: no compatibility promise. Where time comes from: the manual clock tests move and real time. */
package io.github.faktorytestkit.fake.clock;
