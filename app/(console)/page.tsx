import { DashboardView } from '@/components/dashboard/dashboard-view';

export default function DashboardPage() {
  return <DashboardView />;
}
