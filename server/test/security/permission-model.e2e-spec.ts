import { searchForEscalation, startModelWorld, ModelWorld } from './permission-model';

/** A few hundred random sequences per `npm test`; the slow suite runs many more. */
describe('no escalation through any sequence of grants (model-based search)', () => {
  let world: ModelWorld;

  beforeAll(async () => {
    world = await startModelWorld();
  });

  afterAll(async () => {
    await world?.close();
  });

  it('keeps every invariant over random sequences of invitations, roles, removals, tokens and transfers', async () => {
    const seed = process.env.PERMISSION_MODEL_SEED ? Number(process.env.PERMISSION_MODEL_SEED) : undefined;
    const figures = await searchForEscalation(world, { runs: 200, maxCommands: 20, seed });
    process.stdout.write(
      `permission model: ${figures.sequences} sequences, ${figures.commands} commands sent\n`,
    );
    expect(figures.sequences).toBe(200);
    expect(figures.commands).toBeGreaterThan(200);
  }, 240_000);
});
