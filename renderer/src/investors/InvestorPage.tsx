// Placeholder until the investor page is built.
export function InvestorPage({ id }: { id: string }) {
  return <section className="coming-soon">投资方 {id}</section>;
}
