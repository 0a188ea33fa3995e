import { lazy, Suspense, type ComponentType } from 'react';
import { Route, Routes } from 'react-router';
import type { User } from './api/types';
import { hasRole } from './auth/AuthContext';
import { RequireAuth } from './auth/RequireAuth';
import { Layout } from './components/Layout';
import { Loading } from './components/status';
import { NotFoundPage } from './pages/NotFoundPage';
import { SignInPage } from './pages/SignInPage';
import { PublicSurveyPage } from './pages/survey/PublicSurveyPage';
import { canImport } from './features/imports/api';

// Code-split by route: sign-in, the public survey and "not found" are in the first
// download (a respondent on a phone fetches nothing more); every other screen is a
// chunk of its own, fetched when it is first visited.

/** React.lazy for a named export (props kept): page(() => import('./x').then((m) => m.X)). */
function page<P extends object>(load: () => Promise<ComponentType<P>>) {
  return lazy(async () => ({ default: await load() }));
}

const AcceptInvitationPage = page(() => import('./pages/AcceptInvitationPage').then((m) => m.AcceptInvitationPage));
const HomePage = page(() => import('./pages/HomePage').then((m) => m.HomePage));
const ProfilePage = page(() => import('./pages/ProfilePage').then((m) => m.ProfilePage));
const EditorPage = page(() => import('./pages/instruments/EditorPage').then((m) => m.EditorPage));
const InstrumentPage = page(() => import('./pages/instruments/InstrumentPage').then((m) => m.InstrumentPage));
const InstrumentsPage = page(() => import('./pages/instruments/InstrumentsPage').then((m) => m.InstrumentsPage));
const VersionPage = page(() => import('./pages/instruments/VersionPage').then((m) => m.VersionPage));
const CampaignNewPage = page(() => import('./pages/campaigns/CampaignNewPage').then((m) => m.CampaignNewPage));
const CampaignPage = page(() => import('./pages/campaigns/CampaignPage').then((m) => m.CampaignPage));
const CampaignsPage = page(() => import('./pages/campaigns/CampaignsPage').then((m) => m.CampaignsPage));
const PaperEntryPage = page(() => import('./pages/campaigns/PaperEntryPage').then((m) => m.PaperEntryPage));
const ResponsesPage = page(() => import('./pages/campaigns/ResponsesPage').then((m) => m.ResponsesPage));
const AdminIndexPage = page(() => import('./pages/admin/AdminIndexPage').then((m) => m.AdminIndexPage));
const ApiClientDetailPage = page(() => import('./pages/admin/ApiClientDetailPage').then((m) => m.ApiClientDetailPage));
const ApiClientsPage = page(() => import('./pages/admin/ApiClientsPage').then((m) => m.ApiClientsPage));
const AuditLogPage = page(() => import('./pages/admin/AuditLogPage').then((m) => m.AuditLogPage));
const InvitationsPage = page(() => import('./pages/admin/InvitationsPage').then((m) => m.InvitationsPage));
const OrganisationDetailPage = page(() => import('./pages/admin/OrganisationDetailPage').then((m) => m.OrganisationDetailPage));
const OrganisationsPage = page(() => import('./pages/admin/OrganisationsPage').then((m) => m.OrganisationsPage));
const PartnershipDetailPage = page(() => import('./pages/admin/PartnershipDetailPage').then((m) => m.PartnershipDetailPage));
const PartnershipsPage = page(() => import('./pages/admin/PartnershipsPage').then((m) => m.PartnershipsPage));
const ServiceDetailPage = page(() => import('./pages/admin/ServiceDetailPage').then((m) => m.ServiceDetailPage));
const UserDetailPage = page(() => import('./pages/admin/UserDetailPage').then((m) => m.UserDetailPage));
const UsersPage = page(() => import('./pages/admin/UsersPage').then((m) => m.UsersPage));
const ImportJobPage = page(() => import('./pages/imports/ImportsPage').then((m) => m.ImportJobPage));
const ImportsPage = page(() => import('./pages/imports/ImportsPage').then((m) => m.ImportsPage));
const ResultsPage = page(() => import('./pages/results/ResultsPage').then((m) => m.ResultsPage));
const ResultsIndexPage = page(() => import('./pages/results/ResultsIndexPage').then((m) => m.ResultsIndexPage));
const IndicatorChartPage = page(() => import('./pages/indicators/IndicatorChartPage').then((m) => m.IndicatorChartPage));
const IndicatorsIndexPage = page(() => import('./pages/indicators/IndicatorsOverviewPage').then((m) => m.IndicatorsIndexPage));
const IndicatorsOverviewPage = page(() => import('./pages/indicators/IndicatorsOverviewPage').then((m) => m.IndicatorsOverviewPage));
const NotificationsPage = page(() => import('./pages/notifications/NotificationsPage').then((m) => m.NotificationsPage));
const ActionsBoardPage = page(() => import('./pages/actions/ActionsBoardPage').then((m) => m.ActionsBoardPage));
const ActionPage = page(() => import('./pages/actions/ActionPage').then((m) => m.ActionPage));
const ProposeActionPage = page(() => import('./pages/actions/ProposeActionPage').then((m) => m.ProposeActionPage));
const OrganisationAccountabilityPage = page(() => import('./pages/actions/AccountabilityPages').then((m) => m.OrganisationAccountabilityPage));
const PartnershipAccountabilityPage = page(() => import('./pages/actions/AccountabilityPages').then((m) => m.PartnershipAccountabilityPage));
const PublicActionsPage = page(() => import('./pages/public/PublicActionsPage').then((m) => m.PublicActionsPage));

/** Platform administrators, and administrators or managers of any organisation. */
export function canAdminister(user: User): boolean {
  return user.is_platform_admin || hasRole(user, 'admin', 'manager');
}

export function App() {
  return (
    <Layout>
      <Suspense fallback={<Loading />}>
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
        <Route path="/campaigns/:campaignId/responses" element={<RequireAuth>{(user) => <ResponsesPage user={user} />}</RequireAuth>} />
        <Route path="/campaigns/:campaignId/paper" element={<RequireAuth>{() => <PaperEntryPage />}</RequireAuth>} />
        <Route path="/campaigns/:campaignId/results" element={<RequireAuth>{() => <ResultsPage />}</RequireAuth>} />
        <Route path="/results" element={<RequireAuth>{() => <ResultsIndexPage />}</RequireAuth>} />
        <Route path="/indicators" element={<RequireAuth>{() => <IndicatorsIndexPage />}</RequireAuth>} />
        <Route path="/indicators/:indicatorId" element={<RequireAuth>{(user) => <IndicatorChartPage user={user} />}</RequireAuth>} />
        <Route path="/partnerships/:partnershipId/indicators" element={<RequireAuth>{() => <IndicatorsOverviewPage />}</RequireAuth>} />
        <Route path="/notifications" element={<RequireAuth>{() => <NotificationsPage />}</RequireAuth>} />
        <Route path="/actions" element={<RequireAuth>{(user) => <ActionsBoardPage user={user} />}</RequireAuth>} />
        <Route path="/actions/new" element={<RequireAuth>{(user) => <ProposeActionPage user={user} />}</RequireAuth>} />
        <Route path="/actions/:actionId" element={<RequireAuth>{(user) => <ActionPage user={user} />}</RequireAuth>} />
        <Route path="/organisations/:organisationId/actions/accountability" element={<RequireAuth>{() => <OrganisationAccountabilityPage />}</RequireAuth>} />
        <Route path="/partnerships/:partnershipId/actions/accountability" element={<RequireAuth>{(user) => <PartnershipAccountabilityPage user={user} />}</RequireAuth>} />
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
      </Suspense>
    </Layout>
  );
}
