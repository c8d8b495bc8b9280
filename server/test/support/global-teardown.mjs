export default async function globalTeardown() {
  await globalThis.__BASTION_TEST_CLEANUP__?.();
}
