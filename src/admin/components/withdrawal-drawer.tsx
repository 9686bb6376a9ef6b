import { Drawer, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { useWithdrawal } from "../hooks/withdrawals"
import { useFormat } from "../lib/format"
import { useLabels } from "../lib/labels"
import { Field, Loading } from "./section"
import { Status } from "./status"

/** One withdrawal in full: amounts, the (masked) payout account, its decisions, its ledger entries and audit trail. */
export const WithdrawalDrawer = ({ id, onClose }: { id: string | null; onClose: () => void }) => {
  const { t } = useTranslation("distribution")
  const f = useFormat()
  const labels = useLabels()
  const { data, isLoading } = useWithdrawal(id)
  const w = data?.withdrawal
  return (
    <Drawer open={!!id} onOpenChange={(o) => !o && onClose()}>
      <Drawer.Content data-testid="withdrawal-drawer">
        <Drawer.Header>
          <Drawer.Title>{t("withdrawals.detailTitle")}</Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col overflow-y-auto p-0">
          {isLoading || !w ? (
            <Loading rows={6} />
          ) : (
            <div className="divide-y">
              <Field label={t("fields.status")}>
                <Status kind="withdrawal" status={w.status} />
              </Field>
              <Field label={t("fields.distributor")}>{w.distributor?.display_name || w.distributor?.email || w.distributor_id}</Field>
              <Field label={t("fields.amount")}>{f.money(w.amount, w.currency_code)}</Field>
              <Field label={t("fields.fee")}>{`${f.money(w.fee, w.currency_code)} (${f.bps(w.fee_bps)})`}</Field>
              <Field label={t("fields.netAmount")}>{f.money(w.net_amount, w.currency_code)}</Field>
              <Field label={t("fields.method")}>{labels.methods[w.method]}</Field>
              <Field label={t("fields.account")} testId="withdrawal-account">
                {Object.values(w.account ?? {})
                  .filter(Boolean)
                  .map((v) => (
                    <div key={v}>{v}</div>
                  ))}
              </Field>
              {w.note && <Field label={t("fields.note")}>{w.note}</Field>}
              <Field label={t("fields.requestedAt")}>{f.dateTime(w.created_at)}</Field>
              {w.approved_at && <Field label={t("withdrawals.approvedAt")}>{f.dateTime(w.approved_at)}</Field>}
              {w.paid_at && <Field label={t("withdrawals.paidAt")}>{f.dateTime(w.paid_at)}</Field>}
              {w.transaction_reference && <Field label={t("fields.transactionReference")}>{w.transaction_reference}</Field>}
              {w.rejected_at && <Field label={t("withdrawals.rejectedAt")}>{f.dateTime(w.rejected_at)}</Field>}
              {w.reject_reason && <Field label={t("fields.rejectReason")}>{w.reject_reason}</Field>}
              <div className="flex flex-col gap-y-2 px-6 py-4">
                <Text size="small" weight="plus">
                  {t("withdrawals.ledger")}
                </Text>
                {data.ledger.map((e) => (
                  <div key={e.id} className="flex justify-between gap-x-4">
                    <Text size="small">{labels.ledgerKinds[e.kind]}</Text>
                    <Text size="small" className="text-ui-fg-subtle">
                      {f.dateTime(e.created_at)}
                    </Text>
                    <Text size="small" className="tabular-nums">
                      {f.money(e.amount, e.currency_code)}
                    </Text>
                  </div>
                ))}
              </div>
              <div className="flex flex-col gap-y-2 px-6 py-4" data-testid="withdrawal-audit">
                <Text size="small" weight="plus">
                  {t("withdrawals.audit")}
                </Text>
                {data.audit.map((a) => (
                  <div key={a.id} className="flex justify-between gap-x-4">
                    <Text size="small">{labels.audit[a.action] ?? a.action}</Text>
                    <Text size="small" className="text-ui-fg-subtle">
                      {f.dateTime(a.created_at)}
                    </Text>
                  </div>
                ))}
              </div>
            </div>
          )}
        </Drawer.Body>
      </Drawer.Content>
    </Drawer>
  )
}
