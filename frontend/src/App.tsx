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
import { PublicSurveyPage } from './pages/survey/PublicSurveyPage';
import { EditorPage } from './pages/instruments/EditorPage';
import { InstrumentPage } from './pages/instruments/InstrumentPage';
import { InstrumentsPage } from './pages/instruments/InstrumentsPage';
import { VersionPage } from './pages/instruments/VersionPage';
import { CampaignNewPage } from './pages/campaigns/CampaignNewPage';
import { CampaignPage } from './pages/campaigns/CampaignPage';
import { CampaignsPage } from './pages/campaigns/CampaignsPage';
import { PaperEntryPage } from './pages/campaigns/PaperEntryPage';
import { ResponsesPage } from './pages/campaigns/ResponsesPage';
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
import { ImportJobPage, ImportsPage } from './pages/imports/ImportsPage';
import { canImport } from './pages/imports/importsApi';
import { ResultsPage } from './pages/results/ResultsPage';
import { IndicatorChartPage } from './pages/indicators/IndicatorChartPage';
import { IndicatorsIndexPage, IndicatorsOverviewPage } from './pages/indicators/IndicatorsOverviewPage';
import { NotificationsPage } from './pages/notifications/NotificationsPage';
import { ActionsBoardPage } from './pages/actions/ActionsBoardPage';
import { ActionPage } from './pages/actions/ActionPage';
import { ProposeActionPage } from './pages/actions/ProposeActionPage';
import { OrganisationAccountabilityPage, PartnershipAccountabilityPage } from './pages/actions/AccountabilityPages';
import { PublicActionsPage } from './pages/public/PublicActionsPage';

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
        <Route path="/s/:token" element={<PublicSurveyPage />} />
        <Route path="/instruments" element={<RequireAuth>{(user) => <InstrumentsPage user={user} />}</RequireAuth>} />
        <Route path="/instruments/:instrumentId" element={<RequireAuth>{(user) => <InstrumentPage user={user} />}</RequireAuth>} />
        <Route path="/instrument-versions/:versionId" element={<RequireAuth>{(user) => <VersionPage user={user} />}</RequireAuth>} />
        <Route path="/instrument-versions/:versionId/edit" element={<RequireAuth>{(user) => <EditorPage user={user} />}</RequireAuth>} />
        <Route path="/campaigns" element={<RequireAuth>{(user) => <CampaignsPage user={user} />}</RequireAuth>} />
        <Route path="/campaigns/new" element={<RequireAuth>{(user) => <CampaignNewPage user={user} />}</RequireAuth>} />
        <Route path="/campaigns/:campaignId" element={<RequireAuth>{(user) => <CampaignPage user={user} />}</RequireAuth>} />
        <Route path="/campaigns/:campaignId/responses" element={<RequireAuth>{() => <ResponsesPage />}</RequireAuth>} />
        <Route path="/campaigns/:campaignId/paper" element={<RequireAuth>{() => <PaperEntryPage />}</RequireAuth>} />
        <Route path="/campaigns/:campaignId/results" element={<RequireAuth>{() => <ResultsPage />}</RequireAuth>} />
        <Route path="/indicators" element={<RequireAuth>{() => <IndicatorsIndexPage />}</RequireAuth>} />
        <Route path="/indicators/:indicatorId" element={<RequireAuth>{(user) => <IndicatorChartPage user={user} />}</RequireAuth>} />
        <Route path="/partnerships/:partnershipId/indicators" element={<RequireAuth>{() => <IndicatorsOverviewPage />}</RequireAuth>} />
        <Route path="/notifications" element={<RequireAuth>{() => <NotificationsPage />}</RequireAuth>} />
        <Route path="/actions" element={<RequireAuth>{(user) => <ActionsBoardPage user={user} />}</RequireAuth>} />
        <Route path="/actions/new" element={<RequireAuth>{(user) => <ProposeActionPage user={user} />}</RequireAuth>} />
        <Route path="/actions/:actionId" element={<RequireAuth>{(user) => <ActionPage user={user} />}</RequireAuth>} />
        <Route path="/organisations/:organisationId/actions/accountability" element={<RequireAuth>{() => <OrganisationAccountabilityPage />}</RequireAuth>} />
        <Route path="/partnerships/:partnershipId/actions/accountability" element={<RequireAuth>{() => <PartnershipAccountabilityPage />}</RequireAuth>} />
        <Route path="/public/partnerships/:partnershipId" element={<PublicActionsPage />} />
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
        <Route path="/imports" element={<RequireAuth allow={canImport}>{(user) => <ImportsPage user={user} />}</RequireAuth>} />
        <Route path="/imports/:importId" element={<RequireAuth allow={canImport}>{() => <ImportJobPage />}</RequireAuth>} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Layout>
  );
}
