import { Badge, Button, Select, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import { DISTRIBUTOR_GROUP_MODES } from "../../modules/distribution/constants"
import { useDistributorGroups, useSyncDistributorGroups } from "../hooks/programme"
import { Settings } from "../lib/types"

type Mode = Settings["distributor_group_mode"]

/** Distributor prices: the mode's control. */
export const DistributorGroupModeSelect = ({ value, onChange }: { value: Mode; onChange: (mode: Mode) => void }) => {
  const { t } = useTranslation("distribution")
  const labels: Record<Mode, string> = {
    off: t("settings.groupModes.off"),
    one: t("settings.groupModes.one"),
    per_level: t("settings.groupModes.per_level"),
  }
  return (
    <Select value={value} onValueChange={(v) => onChange(v as Mode)}>
      <Select.Trigger id="distributor_group_mode" data-testid="select-distributor_group_mode">
        <Select.Value />
      </Select.Trigger>
      <Select.Content>
        {DISTRIBUTOR_GROUP_MODES.map((m) => (
          <Select.Item key={m} value={m}>
            {labels[m]}
          </Select.Item>
        ))}
      </Select.Content>
    </Select>
  )
}

/**
 * The plugin's customer groups (the saved mode's), each a link to Medusa's
 * customer group page with its member count, and "sync now".
 */
export const DistributorGroupsList = ({ mode }: { mode: Mode }) => {
  const { t } = useTranslation("distribution")
  const { data } = useDistributorGroups(mode)
  const sync = useSyncDistributorGroups(t("settings.distributorGroups.synced"))
  const groups = data?.groups ?? []
  return (
    <div className="flex flex-col gap-y-2 px-6 py-4" data-testid="distributor-groups">
      <Text size="small" className="text-ui-fg-subtle">
        {mode === "off" ? t("settings.distributorGroups.off") : t("settings.distributorGroups.hint")}
      </Text>
      {groups.map((g) => (
        <div key={g.id} className="flex items-center justify-between gap-x-4" data-testid="distributor-group">
          <Link to={`/customer-groups/${g.id}`} className="text-ui-fg-interactive txt-compact-small">
            {g.name}
          </Link>
          <Badge size="2xsmall">{t("settings.distributorGroups.members", { count: g.member_count })}</Badge>
        </div>
      ))}
      <div>
        <Button size="small" variant="secondary" type="button" isLoading={sync.isPending} onClick={() => sync.mutate()} data-testid="distributor-groups-sync">
          {t("settings.distributorGroups.sync")}
        </Button>
      </div>
    </div>
  )
}
