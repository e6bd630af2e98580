import { fileURLToPath } from 'node:url';

export const APP_DIR = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');
export const DIST = `${APP_DIR}/dist`;
export const SCREENSHOTS = `${APP_DIR}/reports/screenshots`;
export const REPO_DIR = fileURLToPath(new URL('../../../..', import.meta.url)).replace(/\/$/, '');
