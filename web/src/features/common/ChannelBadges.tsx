/** A customer's channels as small badges ("Instagram", "Email"). */
import { useTranslation } from 'react-i18next';

export const ChannelBadge = ({ channel }: { channel: string }) => {
  const { t } = useTranslation();
  return <span className={`badge badge--channel badge--ch-${/^[a-z0-9_]+$/.test(channel) ? channel : 'other'}`}>{t(`channel.${channel}`, { defaultValue: channel })}</span>;
};

export const ChannelBadges = ({ channels }: { channels: readonly string[] }) => (
  <span className="badges">
    {channels.map((c) => <ChannelBadge key={c} channel={c} />)}
  </span>
);
