/**
 * The ffmpeg that ships inside the deployment: the static Linux build in the npm package
 * `@ffmpeg-installer/ffmpeg` (a dependency, so it is in the zip App Service runs and nothing is
 * installed at container start). Where the package has no build for this platform, `ffmpeg`
 * on the PATH is used.
 */
export function bundledFfmpegPath(): string {
  try {
    // A require, not an import: the package throws on a platform it has no build for.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require('@ffmpeg-installer/ffmpeg') as { path: string }).path;
  } catch {
    return 'ffmpeg';
  }
}
