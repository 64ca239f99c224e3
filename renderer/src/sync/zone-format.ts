// Words and short forms for the zone as the 分区 card and the first run show it.
import type { ZoneStatus } from '../../../domain/sync';
import { offices } from '../../../domain/vocabulary';

export type ZoneLaptop = ZoneStatus['offices'][number]['laptops'][number];

export const stateLabel: Record<ZoneLaptop['state'], string> = {
  active: '有效',
  revoked: '已吊销',
  unverified: '未验证',
};

export const roleLabel = (role: 'hq' | 'office') => (role === 'hq' ? '本部' : '驻点');

/**
 * A public key's short form to read out on the phone: its first 12 characters in groups of four
 * (the key is base64url of 32 random bytes, so its start already tells keys apart).
 */
export function fingerprint(publicKey: string): string {
  return (publicKey.slice(0, 12).match(/.{1,4}/g) ?? []).join(' ');
}

/** What this laptop is in its zone, in a few words: its office, and its standing. */
export function thisLaptopRole(zone: ZoneStatus): string {
  const own =
    zone.offices.find((o) => o.laptops.some((l) => l.thisLaptop))?.office ?? roleLabel(zone.role);
  if (zone.kind === 'solo') return `${own} · 尚未加入分区，单独使用`;
  if (zone.kind === 'demo') return `${own} · 演示库，不与任何分区同步`;
  if (zone.isRoot) return `${own} · 持有分区根密钥（可制作邀请、吊销电脑）`;
  return own === roleLabel(zone.role) ? own : `${own} · ${roleLabel(zone.role)}`;
}

/** The zone's offices in the usual order (本部 first, as in the vocabulary), others after. */
export function officesInOrder(zone: ZoneStatus): ZoneStatus['offices'] {
  const rank = (name: string) => {
    const at = offices.findIndex((o) => o.label === name);
    return at < 0 ? offices.length : at;
  };
  return [...zone.offices].sort(
    (a, b) => rank(a.office) - rank(b.office) || a.office.localeCompare(b.office, 'zh-CN'),
  );
}

/** The name a save dialog suggests for an invitation: the zone, for whom, today. */
export function invitationName(zoneName: string, hq: boolean, today: Date): string {
  const day = [today.getFullYear(), today.getMonth() + 1, today.getDate()]
    .map((n) => String(n).padStart(2, '0'))
    .join('');
  const safe = zoneName.replace(/[\\/:*?"<>|\0]/g, '').slice(0, 40) || '分区';
  return `${safe}-${hq ? '本部电脑' : '驻点'}邀请-${day}.zsinvite`;
}
