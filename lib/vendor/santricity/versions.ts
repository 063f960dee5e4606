// The software levels the simulated arrays report. Fixed: Grainline simulates one SANtricity OS
// level. The Web Services version has four dot-separated parts, which the na_santricity modules
// compare with their minimum (02.00.0000.0000) part by part.
export const WEB_SERVICES_VERSION = '11.80.0000.0000';
export const FIRMWARE_VERSION = '08.80.00.00';
export const APP_VERSION = '08.80.00.00';
export const BOOT_VERSION = '08.80.00.00';
export const NVSRAM_VERSION = 'N2800-880834-D01';
