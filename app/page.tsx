export default function DashboardPage() {
  return <main className="p-6">Grainline</main>;
}
