import type { Metadata } from "next";
import { ScimTokenPanel } from "@/components/admin/settings/scim-token-panel";
import { PageHeader } from "@/components/ui/page-header";
import { requireAdmin } from "@/lib/auth/require-admin";
import { config } from "@/lib/env";
import { listActiveTokens } from "@/lib/scim-tokens/list-tokens";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  await requireAdmin("/admin/settings");
  const tokens = await listActiveTokens();
  return (
    <div className="max-w-4xl">
      <PageHeader title="Settings" description="General" />
      <section aria-labelledby="scim-token" className="rounded-lg border border-zinc-200 bg-white p-6 dark:border-zinc-800 dark:bg-zinc-900">
        <h2 id="scim-token" className="text-lg font-semibold">SCIM Token</h2>
        <p className="mb-4 mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          Your identity provider uses this endpoint and token to create, update, block and re-add users here.
        </p>
        <ScimTokenPanel tokens={tokens} endpointUrl={config().scimBaseUrl} />
        <div className="mt-6 grid gap-4 text-sm sm:grid-cols-2">
          <div>
            <h3 className="font-medium">Okta</h3>
            <p className="mt-1 text-zinc-600 dark:text-zinc-400">
              In the app: Provisioning › Integration › Configure API integration. Paste the endpoint URL as <em>Base URL</em> and the
              token as <em>API Token</em>, then choose <em>Test API Credentials</em>.
            </p>
          </div>
          <div>
            <h3 className="font-medium">Microsoft Entra ID</h3>
            <p className="mt-1 text-zinc-600 dark:text-zinc-400">
              In the enterprise application: Provisioning › Admin credentials. Paste the endpoint URL as <em>Tenant URL</em> and the
              token as <em>Secret token</em>, then choose <em>Test connection</em>.
            </p>
          </div>
        </div>
      </section>
    </div>
  );
}
