// A year without the exchange rate its amounts need is an error on the 看板, not a silent
// fallback: the amounts in that currency are left out until 设置 has the rate.
import type { Dashboard } from '../../../domain/dashboard';
import { GoButton } from '../ui/GoButton';

export function MissingRates({ dashboard }: { dashboard: Dashboard }) {
  if (dashboard.missingRates.length === 0) return null;
  return (
    <div className="dash-notice dash-error" role="alert">
      {dashboard.missingRates.map((m) => (
        <p key={m.currency}>{m.message}</p>
      ))}
      <GoButton className="link-button" to={{ screen: 'settings' }}>
        去「设置」填写汇率
      </GoButton>
    </div>
  );
}
