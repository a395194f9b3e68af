/**
 * Helpers for the tests of every module: free ports, a service started in the test's JVM,
 * and Hangar started as a real process.
 */
package dev.hangar.service.test;
