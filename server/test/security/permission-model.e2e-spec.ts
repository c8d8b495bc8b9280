import { recordFigures } from '../support/figures';
import { modelSeed, ModelWorld, searchForEscalation, startModelWorld } from './permission-model';

const RUNS = 200;
const MAX_COMMANDS = 20;

/** Some hundreds of random sequences per `npm test`; the slow suite runs many more, and longer. */
describe('no escalation through any sequence of grants (model-based search)', () => {
  let world: ModelWorld;

  beforeAll(async () => {
    world = await startModelWorld();
  });

  afterAll(async () => {
    await world?.close();
  });

  it('keeps every invariant over random sequences of invitations, roles, removals, tokens and transfers', async () => {
    const seed = modelSeed();
    const figures = await searchForEscalation(world, { runs: RUNS, maxCommands: MAX_COMMANDS, seed });
    recordFigures('permission-model', { ...figures, seed, runs: RUNS, maxCommands: MAX_COMMANDS });
    expect(figures.sequences).toBe(RUNS);
    // A search whose commands all bounce off the first check proves little: most kinds must succeed.
    const succeeding = Object.values(figures.tally).filter((counts) => counts.succeeded > 0);
    expect(succeeding.length).toBeGreaterThanOrEqual(10);
  }, 300_000);
});
