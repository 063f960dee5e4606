import type { Metadata } from 'next';
import './globals.css';

export const metadata: Metadata = { title: 'Grainline', description: 'Storage copy services console' };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <body>{children}</body>
    </html>
  );
}
