/**
 * What `electron` resolves to in every test (vitest.config.ts aliases it here). Tests replace it with
 * vi.mock('electron', …); a test that forgets to gets this error instead of the real module, which would try
 * to download Electron's binary.
 */
throw new Error("A test imported the real 'electron' module. Replace it with vi.mock('electron', () => ({ … })).");
