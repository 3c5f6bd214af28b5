'use strict';
/**
 * Fixed loopback ports of the real-n8n suites, shifted by `USEEPAY_PORT_OFFSET` (default 0) so
 * two checkouts can run their suites side by side on one machine.
 */
const OFFSET = Number(process.env.USEEPAY_PORT_OFFSET || 0);

/** @param {number} base */
const port = (base) => base + OFFSET;

module.exports = { port };
