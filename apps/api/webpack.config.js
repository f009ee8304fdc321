const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const { join } = require('path');

// Node bundle of the API and the libs it uses; node_modules stay external (sqlite3 is native).
module.exports = {
  output: { path: join(__dirname, '../../dist/apps/api') },
  devtool: 'source-map',
  plugins: [
    new NxAppWebpackPlugin({
      target: 'node',
      compiler: 'tsc',
      main: './src/main.ts',
      // The roster solver runs in a worker thread: its own bundle beside main.js (roster.worker.js).
      additionalEntryPoints: [{ entryName: 'roster.worker', entryPath: './src/modules/rosters/roster.worker.ts' }],
      tsConfig: './tsconfig.app.json',
      optimization: false,
      outputHashing: 'none',
      generatePackageJson: false,
      sourceMap: true,
    }),
  ],
};
