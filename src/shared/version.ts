/** GraphKeep's version, shown in the app and written into backups. Keep in step with package.json. */
export const APP_VERSION = '0.1.0'
