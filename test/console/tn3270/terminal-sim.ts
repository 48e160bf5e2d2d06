/**
 * Test aids: a minimal 3270 display buffer that applies outbound records the way a
 * terminal does, and a telnet client that negotiates TN3270 or TN3270E with a
 * server.  Enough to check the server's screens byte-exactly without s3270.
 * The code lives in src/console/tn3270/client-sim.ts (the console load benchmark
 * uses it too).
 */
export * from '../../../src/console/tn3270/client-sim.js';
