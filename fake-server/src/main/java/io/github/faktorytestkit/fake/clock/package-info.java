/** Internal: no compatibility promise. Where time comes from: the manual clock tests move (idle or in charge) and real time. */
package io.github.faktorytestkit.fake.clock;
