import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../clock';
import { FlagsConfig } from '../config';

export interface FlagView {
  key: string;
  enabled: boolean;
  defaultEnabled: boolean;
  overridden: boolean;
}

/** Feature flags: defaults from configuration, overridden per workspace. The only way flags are read. */
@Injectable()
export class FlagsService {
  private readonly defaults: ReadonlyMap<string, boolean>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    config: FlagsConfig,
  ) {
    this.defaults = new Map(
      config.defaults.map((pair) => {
        const [key, value] = pair.split('=');
        return [key, value === 'true'] as const;
      }),
    );
  }

  isKnown(key: string): boolean {
    return this.defaults.has(key);
  }

  async list(workspaceId: string): Promise<FlagView[]> {
    const rows: { key: string; enabled: boolean }[] = await this.dataSource.query(
      `SELECT key, enabled FROM feature_flags WHERE workspace_id = $1`,
      [workspaceId],
    );
    const overrides = new Map(rows.map((r) => [r.key, r.enabled]));
    return [...this.defaults].map(([key, defaultEnabled]) => ({
      key,
      enabled: overrides.get(key) ?? defaultEnabled,
      defaultEnabled,
      overridden: overrides.has(key),
    }));
  }

  async isEnabled(workspaceId: string, key: string): Promise<boolean> {
    return (await this.list(workspaceId)).find((flag) => flag.key === key)?.enabled ?? false;
  }

  async set(workspaceId: string, key: string, enabled: boolean): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO feature_flags (workspace_id, key, enabled, created_at, updated_at) VALUES ($1, $2, $3, $4, $4)
       ON CONFLICT (workspace_id, key) DO UPDATE SET enabled = EXCLUDED.enabled, updated_at = EXCLUDED.updated_at`,
      [workspaceId, key, enabled, this.clock.now()],
    );
  }

  async reset(workspaceId: string, key: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM feature_flags WHERE workspace_id = $1 AND key = $2`, [
      workspaceId,
      key,
    ]);
  }
}
