import { configure } from '../../../server/src/config-options';
import { ConfigError, readConfig, setConfigOverrides } from '../../../server/src/config';
import { rcEnvVariables as rcEnv } from '../../support/cloudbaserc';

describe('configure(options)', () => {
  const saved = { ...process.env };
  beforeEach(() => {
    Object.assign(process.env, rcEnv);
  });
  afterEach(() => {
    process.env = { ...saved };
    setConfigOverrides({});
  });

  test("options win over the environment, in the variables' own units", () => {
    process.env.SESSION_POLICY = 'multi';
    const config = configure({
      sessionPolicy: 'single',
      sessionTtlSeconds: 60,
      accountDataCollections: ['notes', 'photos'],
    });
    expect(config).toMatchObject({
      sessionPolicy: 'single',
      sessionTtlMs: 60_000,
      accountDataCollections: ['notes', 'photos'],
    });
    expect(readConfig()).toEqual(config);
  });

  test('every problem in one ConfigError, naming options as options; nothing applied', () => {
    configure({ usersCollection: 'app_users' });
    process.env.SESSION_POLICY = 'one';
    let thrown: unknown;
    try {
      configure({
        maxSessionsPerUser: 0,
        adminOpenids: 'o-1' as unknown as string[],
        colour: 'red',
      } as never);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    expect((thrown as ConfigError).problems).toEqual([
      'option adminOpenids must be a list of strings',
      'unknown option colour',
      'invalid option maxSessionsPerUser (MAX_SESSIONS_PER_USER)="0"',
      'invalid environment variable SESSION_POLICY="one"',
    ]);
    process.env.SESSION_POLICY = 'multi';
    expect(readConfig().usersCollection).toBe('app_users');
  });
});
