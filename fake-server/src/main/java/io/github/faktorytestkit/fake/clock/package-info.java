/**
 * Internal: no compatibility promise. Where time comes from: the manual clock tests move (which ends an idle FETCH
 * wait by itself until the test takes charge) and real time.
 */
package io.github.faktorytestkit.fake.clock;
