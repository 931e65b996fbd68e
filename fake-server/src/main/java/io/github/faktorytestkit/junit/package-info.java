/** The JUnit 5 extension that starts a fake server per test class (or points tests at a real one). */
package io.github.faktorytestkit.junit;
