// electron-builder: `npm run dist` packages the built app (dist/) for the current OS.
// Only main-process runtime dependencies ship in node_modules (electron-store); the renderer is one bundle.
/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'se.longhand.app',
  productName: 'Longhand',
  copyright: 'Copyright © 2026 the Longhand authors',
  directories: { output: 'release', buildResources: 'build' },
  files: ['dist/**/*', '!dist/**/*.map', 'package.json'],
  asar: true,
  protocols: [{ name: 'Longhand', schemes: ['longhand'] }],
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Office',
    icon: 'build/icon.png',
    synopsis: 'Write your blog offline; sync to publish.',
  },
  deb: { depends: ['libnss3', 'libsecret-1-0'] },
  mac: {
    target: ['dmg'],
    category: 'public.app-category.productivity',
    icon: 'build/icon.png',
    hardenedRuntime: true,
  },
  win: { target: ['nsis'], icon: 'build/icon.png' },
  nsis: { oneClick: false, allowToChangeInstallationDirectory: true },
};
