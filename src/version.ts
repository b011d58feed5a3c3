import { PACKAGE_VERSION } from './paths.js';

/** The package version, from the package's package.json. */
export const VERSION: string = PACKAGE_VERSION;
