import path from 'node:path'

/** Where `npm run build` writes and `npm start` serves from: UADE_BUILD_DIR, default `build`. */
export const buildDir = path.resolve(process.env.UADE_BUILD_DIR ?? 'build')
