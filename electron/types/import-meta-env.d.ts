/** electron-vite (Vite) replaces these at build time in the main process too: DEV is true only for `npm run dev`. */
interface ImportMetaEnv {
  readonly DEV: boolean;
  readonly PROD: boolean;
  readonly MODE: string;
}
interface ImportMeta {
  readonly env: ImportMetaEnv;
}
