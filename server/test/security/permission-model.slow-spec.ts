import { recordFigures } from '../support/figures';
import { modelSeed, ModelWorld, searchForEscalation, startModelWorld } from './permission-model';

const RUNS = 1000;
const MAX_COMMANDS = 30;

/** The same search as in `npm test`, five times wider and half again as deep. */
describe('no escalation through any sequence of grants (deep model-based search)', () => {
  let world: ModelWorld;

  beforeAll(async () => {
    world = await startModelWorld();
  });

  afterAll(async () => {
    await world?.close();
  });

  it('keeps every invariant over longer random sequences', async () => {
    const seed = modelSeed();
    const figures = await searchForEscalation(world, { runs: RUNS, maxCommands: MAX_COMMANDS, seed });
    recordFigures('permission-model-deep', { ...figures, seed, runs: RUNS, maxCommands: MAX_COMMANDS });
    expect(figures.sequences).toBe(RUNS);
  }, 900_000);
});
