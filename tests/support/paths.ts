import { fileURLToPath } from 'node:url';

export const ROOT_DIR = fileURLToPath(new URL('../..', import.meta.url));
export const RESOURCES_DIR = fileURLToPath(new URL('../../resources', import.meta.url));
