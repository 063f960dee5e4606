// Debian's Chromium (Playwright cannot download its own browsers here:
// docs/architecture.md#dependencies-on-these-machines).
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_LAUNCH = {
  executablePath: CHROMIUM_PATH,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
};

/** The port of the console the Playwright run starts (global-setup.ts). */
export const E2E_PORT = Number(process.env.GRAINLINE_E2E_PORT ?? '3210');
/** The e2e server's NBD port (e2e/nbd.spec.ts drives qemu-io against it). */
export const E2E_NBD_PORT = Number(process.env.GRAINLINE_E2E_NBD_PORT ?? '10819');

/** Cookies of the admin global-setup.ts signs in; every spec starts signed in as that admin. */
export const ADMIN_STATE = '.playwright-auth/admin.json';
