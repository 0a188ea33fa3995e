import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { MembershipWithUser } from '../../../api/types';
import { ConfirmAction } from '../../../components/actions';
import { PaginatedTable } from '../../../components/PaginatedTable';
import { LoadError } from '../../../components/status';
import { RoleTag } from '../../../components/tags';
import { membershipsList, useRemoveMembershipMutation } from '../../../features/admin/api';

/** The people of an organisation and their roles; its admins may take a role away. */
export function MembersSection({ organisationId, admin }: { organisationId: string; admin: boolean }) {
  const { t } = useTranslation();
  const removeRole = useRemoveMembershipMutation();
  const removing = removeRole.isPending ? removeRole.variables.membershipId : null;

  function remove(membershipId: string) {
    return removeRole.mutateAsync({ organisationId, membershipId }).then(
      () => undefined,
      () => undefined, // shown from removeRole.error
    );
  }

  return (
    <section aria-labelledby="members-title">
      <h2 id="members-title">{t('admin.members.title')}</h2>
      {admin ? (
        <p>
          <Link to={`/admin/invitations?organisation=${organisationId}`}>{t('admin.members.invite')}</Link>
        </p>
      ) : null}
      {removeRole.error ? <LoadError error={removeRole.error} /> : null}
      <PaginatedTable
        {...membershipsList(organisationId)}
        caption={t('admin.members.title')}
        captionHidden
        empty={t('admin.members.none')}
        rowKey={(membership) => membership.id}
        columns={[
          {
            key: 'name',
            header: t('admin.users.name'),
            rowHeader: true,
            cell: (membership) => <Link to={`/admin/users/${membership.user_id}`}>{membership.user_display_name}</Link>,
          },
          { key: 'email', header: t('admin.users.email'), cell: (membership) => membership.user_email },
          { key: 'role', header: t('admin.members.role'), cell: (membership) => <RoleTag role={membership.role} /> },
          ...(admin
            ? [
                {
                  key: 'actions',
                  header: <span className="nhsuk-u-visually-hidden">{t('common.actions')}</span>,
                  cell: (membership: MembershipWithUser) => (
                    <ConfirmAction
                      small
                      label={t('admin.members.remove')}
                      hiddenContext={`${membership.user_display_name}, ${t(`roles.${membership.role}`)}`}
                      question={t('admin.members.removeQuestion', { name: membership.user_display_name })}
                      confirmLabel={t('admin.members.removeConfirm')}
                      busy={removing === membership.id}
                      onConfirm={() => remove(membership.id)}
                    />
                  ),
                },
              ]
            : []),
        ]}
      />
    </section>
  );
}
