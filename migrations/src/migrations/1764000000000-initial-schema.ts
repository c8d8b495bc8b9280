import { MigrationInterface, QueryRunner } from 'typeorm';
import { SYSTEM_ROLES } from '../system-roles';

export class InitialSchema1764000000000 implements MigrationInterface {
  name = 'InitialSchema1764000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE "users" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "email" text NOT NULL,
        "display_name" text NOT NULL,
        "password_hash" text,
        "is_platform_admin" boolean NOT NULL DEFAULT false,
        "disabled_at" timestamptz,
        "failed_sign_in_count" integer NOT NULL DEFAULT 0,
        "locked_until" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "users_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "users_email_key" UNIQUE ("email"),
        CONSTRAINT "users_email_lowercase" CHECK ("email" = lower("email"))
      )`);
    await db.query(`
      CREATE TABLE "workspaces" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "slug" text NOT NULL,
        "name" text NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "workspaces_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "workspaces_slug_key" UNIQUE ("slug"),
        CONSTRAINT "workspaces_slug_format" CHECK ("slug" ~ '^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$')
      )`);
    await db.query(`
      CREATE TABLE "sessions" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL,
        "token_hash" bytea NOT NULL,
        "csrf_token" text NOT NULL,
        "ip" inet,
        "user_agent" text,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "last_seen_at" timestamptz NOT NULL DEFAULT now(),
        "expires_at" timestamptz NOT NULL,
        "revoked_at" timestamptz,
        CONSTRAINT "sessions_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "sessions_token_hash_key" UNIQUE ("token_hash"),
        CONSTRAINT "sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE
      )`);
    await db.query(`CREATE INDEX "sessions_user_id_idx" ON "sessions" ("user_id")`);
    await db.query(`
      CREATE TABLE "roles" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "workspace_id" uuid,
        "key" text NOT NULL,
        "name" text NOT NULL,
        "description" text NOT NULL DEFAULT '',
        "permissions" text[] NOT NULL DEFAULT '{}',
        "is_system" boolean NOT NULL DEFAULT false,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "roles_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "roles_workspace_id_key_key" UNIQUE ("workspace_id", "key"),
        CONSTRAINT "roles_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE
      )`);
    await db.query(`
      CREATE TABLE "memberships" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "workspace_id" uuid NOT NULL,
        "user_id" uuid NOT NULL,
        "role_id" uuid NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "memberships_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "memberships_workspace_id_user_id_key" UNIQUE ("workspace_id", "user_id"),
        CONSTRAINT "memberships_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE,
        CONSTRAINT "memberships_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE,
        CONSTRAINT "memberships_role_id_fkey" FOREIGN KEY ("role_id") REFERENCES "roles"("id") ON DELETE RESTRICT
      )`);
    await db.query(`CREATE INDEX "memberships_user_id_idx" ON "memberships" ("user_id")`);
    await db.query(`CREATE INDEX "memberships_role_id_idx" ON "memberships" ("role_id")`);
    await db.query(`
      CREATE TABLE "invitations" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "workspace_id" uuid NOT NULL,
        "email" text NOT NULL,
        "role_id" uuid NOT NULL,
        "token_hash" bytea NOT NULL,
        "invited_by" uuid,
        "expires_at" timestamptz NOT NULL,
        "accepted_at" timestamptz,
        "revoked_at" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "invitations_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "invitations_token_hash_key" UNIQUE ("token_hash"),
        CONSTRAINT "invitations_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE,
        CONSTRAINT "invitations_role_id_fkey" FOREIGN KEY ("role_id") REFERENCES "roles"("id") ON DELETE RESTRICT,
        CONSTRAINT "invitations_invited_by_fkey" FOREIGN KEY ("invited_by") REFERENCES "users"("id") ON DELETE SET NULL
      )`);
    await db.query(`CREATE INDEX "invitations_workspace_id_idx" ON "invitations" ("workspace_id")`);
    await db.query(`
      CREATE TABLE "api_tokens" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "workspace_id" uuid NOT NULL,
        "created_by" uuid NOT NULL,
        "name" text NOT NULL,
        "prefix" text NOT NULL,
        "secret_hash" bytea NOT NULL,
        "permissions" text[] NOT NULL DEFAULT '{}',
        "expires_at" timestamptz,
        "last_used_at" timestamptz,
        "revoked_at" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "api_tokens_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "api_tokens_prefix_key" UNIQUE ("prefix"),
        CONSTRAINT "api_tokens_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE,
        CONSTRAINT "api_tokens_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE CASCADE
      )`);
    await db.query(`CREATE INDEX "api_tokens_workspace_id_idx" ON "api_tokens" ("workspace_id")`);
    await db.query(`
      CREATE TABLE "audit_events" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "workspace_id" uuid,
        "actor_id" uuid,
        "actor_kind" text NOT NULL,
        "action" text NOT NULL,
        "target_type" text,
        "target_id" text,
        "ip" inet,
        "user_agent" text,
        "request_id" text,
        "metadata" jsonb NOT NULL DEFAULT '{}',
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "audit_events_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "audit_events_actor_kind_check" CHECK ("actor_kind" IN ('user', 'token', 'system', 'anonymous'))
      )`);
    await db.query(
      `CREATE INDEX "audit_events_workspace_id_created_at_idx" ON "audit_events" ("workspace_id", "created_at", "id")`,
    );
    await db.query(`
      CREATE FUNCTION "audit_events_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await db.query(`
      CREATE TRIGGER "audit_events_append_only"
      BEFORE UPDATE OR DELETE OR TRUNCATE ON "audit_events"
      FOR EACH STATEMENT EXECUTE FUNCTION "audit_events_append_only"()`);
    await db.query(`
      CREATE TABLE "feature_flags" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "workspace_id" uuid NOT NULL,
        "key" text NOT NULL,
        "enabled" boolean NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "feature_flags_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "feature_flags_workspace_id_key_key" UNIQUE ("workspace_id", "key"),
        CONSTRAINT "feature_flags_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE
      )`);
    for (const role of SYSTEM_ROLES) {
      await db.query(
        `INSERT INTO "roles" ("id", "workspace_id", "key", "name", "description", "is_system") VALUES ($1, NULL, $2, $3, $4, true)`,
        [role.id, role.key, role.name, role.description],
      );
    }
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "feature_flags"`);
    await db.query(`DROP TABLE "audit_events"`);
    await db.query(`DROP FUNCTION "audit_events_append_only"()`);
    await db.query(`DROP TABLE "api_tokens"`);
    await db.query(`DROP TABLE "invitations"`);
    await db.query(`DROP TABLE "memberships"`);
    await db.query(`DROP TABLE "roles"`);
    await db.query(`DROP TABLE "sessions"`);
    await db.query(`DROP TABLE "workspaces"`);
    await db.query(`DROP TABLE "users"`);
  }
}
