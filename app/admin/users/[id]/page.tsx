import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { AuditTimeline } from "@/components/admin/user/audit-timeline";
import { GroupsSection } from "@/components/admin/user/groups-section";
import { ProfileSection } from "@/components/admin/user/profile-section";
import { ScimIdentitySection } from "@/components/admin/user/scim-identity-section";
import { StatusSection } from "@/components/admin/user/status-section";
import { PromoteButton } from "@/components/admin/user/promote-button";
import { PageHeader } from "@/components/ui/page-header";
import { requireAdmin } from "@/lib/auth/require-admin";
import { getUserDetails, TIMELINE_LIMIT } from "@/lib/users/get-user-details";
import { BlockUserDialog } from "./block-user-dialog";
import { UnblockUserForm } from "./unblock-user-form";

export const metadata: Metadata = { title: "User" };

const paramsSchema = z.object({ id: z.string().min(1).max(200) });

type Props = { params: Promise<{ id: string }> };

export default async function UserPage({ params }: Props) {
  const raw = await params;
  const admin = await requireAdmin(`/admin/users/${encodeURIComponent(raw.id)}`);
  const parsed = paramsSchema.safeParse(raw);
  if (!parsed.success) notFound();
  const details = await getUserDetails({ id: parsed.data.id });
  if (!details) notFound();
  const { user, scimIdentity, emails, groups, timeline } = details;
  const isSelf = user.id === admin.id;

  return (
    <div className="space-y-6">
      <Link href="/admin/users" className="text-sm text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 dark:text-indigo-300">
        ← Users
      </Link>
      <PageHeader
        title={user.username}
        description={user.name !== user.username ? user.name : undefined}
        actions={<PromoteButton userId={user.id} username={user.username} role={user.role} state={user.state} />}
      />
      <StatusSection user={user} scimIdentity={scimIdentity}>
        {user.state === "active" ? (
          <BlockUserDialog userId={user.id} username={user.username} disabledReason={isSelf ? "You cannot block your own account." : undefined} />
        ) : (
          <UnblockUserForm userId={user.id} />
        )}
      </StatusSection>
      <div className="grid gap-6 lg:grid-cols-2">
        <ProfileSection user={user} emails={emails} />
        <div className="space-y-6">
          <ScimIdentitySection identity={scimIdentity} />
          <GroupsSection groups={groups} />
        </div>
      </div>
      <AuditTimeline events={timeline} limit={TIMELINE_LIMIT} />
    </div>
  );
}
