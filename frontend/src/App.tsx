import { Route, Routes } from 'react-router';
import type { User } from './api/types';
import { hasRole } from './auth/AuthContext';
import { RequireAuth } from './auth/RequireAuth';
import { Layout } from './components/Layout';
import { AcceptInvitationPage } from './pages/AcceptInvitationPage';
import { HomePage } from './pages/HomePage';
import { NotFoundPage } from './pages/NotFoundPage';
import { ProfilePage } from './pages/ProfilePage';
import { SignInPage } from './pages/SignInPage';
import { AdminIndexPage } from './pages/admin/AdminIndexPage';
import { ApiClientDetailPage } from './pages/admin/ApiClientDetailPage';
import { ApiClientsPage } from './pages/admin/ApiClientsPage';
import { AuditLogPage } from './pages/admin/AuditLogPage';
import { InvitationsPage } from './pages/admin/InvitationsPage';
import { OrganisationDetailPage } from './pages/admin/OrganisationDetailPage';
import { OrganisationsPage } from './pages/admin/OrganisationsPage';
import { PartnershipDetailPage } from './pages/admin/PartnershipDetailPage';
import { PartnershipsPage } from './pages/admin/PartnershipsPage';
import { ServiceDetailPage } from './pages/admin/ServiceDetailPage';
import { UserDetailPage } from './pages/admin/UserDetailPage';
import { UsersPage } from './pages/admin/UsersPage';

/** Platform administrators, and administrators or managers of any organisation. */
export function canAdminister(user: User): boolean {
  return user.is_platform_admin || hasRole(user, 'admin', 'manager');
}

export function App() {
  return (
    <Layout>
      <Routes>
        <Route path="/" element={<RequireAuth>{(user) => <HomePage user={user} />}</RequireAuth>} />
        <Route path="/sign-in" element={<SignInPage />} />
        <Route path="/invitations/accept" element={<AcceptInvitationPage />} />
        <Route path="/profile" element={<RequireAuth>{(user) => <ProfilePage user={user} />}</RequireAuth>} />
        <Route
          path="/admin"
          element={<RequireAuth allow={canAdminister}>{(user) => <AdminIndexPage user={user} />}</RequireAuth>}
        />
        <Route
          path="/admin/organisations"
          element={<RequireAuth>{(user) => <OrganisationsPage user={user} />}</RequireAuth>}
        />
        <Route
          path="/admin/organisations/:organisationId"
          element={<RequireAuth>{(user) => <OrganisationDetailPage user={user} />}</RequireAuth>}
        />
        <Route
          path="/admin/services/:serviceId"
          element={<RequireAuth>{(user) => <ServiceDetailPage user={user} />}</RequireAuth>}
        />
        <Route
          path="/admin/partnerships"
          element={<RequireAuth>{(user) => <PartnershipsPage user={user} />}</RequireAuth>}
        />
        <Route
          path="/admin/partnerships/:partnershipId"
          element={<RequireAuth>{(user) => <PartnershipDetailPage user={user} />}</RequireAuth>}
        />
        <Route
          path="/admin/users"
          element={<RequireAuth allow={canAdminister}>{(user) => <UsersPage user={user} />}</RequireAuth>}
        />
        <Route
          path="/admin/users/:userId"
          element={<RequireAuth allow={canAdminister}>{(user) => <UserDetailPage user={user} />}</RequireAuth>}
        />
        <Route
          path="/admin/invitations"
          element={<RequireAuth allow={canAdminister}>{(user) => <InvitationsPage user={user} />}</RequireAuth>}
        />
        <Route
          path="/admin/api-clients"
          element={<RequireAuth allow={canAdminister}>{(user) => <ApiClientsPage user={user} />}</RequireAuth>}
        />
        <Route
          path="/admin/api-clients/:apiClientId"
          element={<RequireAuth allow={canAdminister}>{() => <ApiClientDetailPage />}</RequireAuth>}
        />
        <Route
          path="/admin/audit"
          element={<RequireAuth allow={canAdminister}>{(user) => <AuditLogPage user={user} />}</RequireAuth>}
        />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Layout>
  );
}
