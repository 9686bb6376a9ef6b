import { Container, Heading, Skeleton, Text } from "@medusajs/ui"
import { ReactNode } from "react"

/** A titled container in the dashboard's own layout: heading row, then the body. */
export const Section = ({
  title,
  description,
  actions,
  children,
  testId,
}: {
  title: string
  description?: string
  actions?: ReactNode
  children: ReactNode
  testId?: string
}) => (
  <Container className="divide-y p-0" data-testid={testId}>
    <div className="flex items-center justify-between gap-x-4 px-6 py-4">
      <div>
        <Heading level="h2">{title}</Heading>
        {description && (
          <Text size="small" className="text-ui-fg-subtle">
            {description}
          </Text>
        )}
      </div>
      {actions && <div className="flex items-center gap-x-2">{actions}</div>}
    </div>
    {children}
  </Container>
)

/** A page's own head: title and explanation, with its controls on the right. */
export const PageHeader = ({ title, description, children }: { title: string; description: string; children?: ReactNode }) => (
  <Container className="flex items-center justify-between px-6 py-4">
    <div>
      <Heading level="h1">{title}</Heading>
      <Text size="small" className="text-ui-fg-subtle">
        {description}
      </Text>
    </div>
    {children}
  </Container>
)

/** Label-value rows, as on Medusa's detail pages. */
export const Field = ({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) => (
  <div className="text-ui-fg-subtle grid grid-cols-2 items-start px-6 py-4">
    <Text size="small" leading="compact" weight="plus">
      {label}
    </Text>
    <div className="txt-small text-ui-fg-base break-words" data-testid={testId}>
      {children}
    </div>
  </div>
)

export const Loading = ({ rows = 3 }: { rows?: number }) => (
  <div className="flex flex-col gap-y-3 px-6 py-4" aria-busy="true">
    {Array.from({ length: rows }, (_, i) => (
      <Skeleton key={i} className="h-5 w-full" />
    ))}
  </div>
)

export const Empty = ({ title, description }: { title: string; description?: string }) => (
  <div className="flex flex-col items-center justify-center gap-y-1 px-6 py-10 text-center" data-testid="empty-state">
    <Text size="small" weight="plus">
      {title}
    </Text>
    {description && (
      <Text size="small" className="text-ui-fg-muted">
        {description}
      </Text>
    )}
  </div>
)

/** A key figure: its name, its value large, and an explanation under it. */
export const Kpi = ({ label, value, hint, testId }: { label: string; value: string; hint?: string; testId: string }) => (
  <Container className="flex flex-col gap-y-1 px-6 py-4" data-testid={testId}>
    <Text size="small" className="text-ui-fg-subtle">
      {label}
    </Text>
    <Heading level="h2" className="tabular-nums" data-testid={`${testId}-value`}>
      {value}
    </Heading>
    {hint && (
      <Text size="xsmall" className="text-ui-fg-muted">
        {hint}
      </Text>
    )}
  </Container>
)

/** A detail page while its record loads (skeleton rows), or why it cannot be shown. */
export const PageFallback = ({ isLoading, notFound, error }: { isLoading: boolean; notFound: string; error: Error | null }) => (
  <Container className="p-0">{isLoading ? <Loading rows={6} /> : <Empty title={notFound} description={error?.message} />}</Container>
)

/**
 * The first row of an entity's page (a sale's, a 秒杀's, a 拼团 activity's or
 * group's): its name and status, and its actions while it has any.
 */
export const DetailHeader = ({ title, titleTestId, status, actions }: { title: string; titleTestId: string; status: ReactNode; actions?: ReactNode }) => (
  <div className="flex items-center justify-between px-6 py-4">
    <div className="flex items-center gap-x-2">
      <Heading data-testid={titleTestId}>{title}</Heading>
      {status}
    </div>
    {actions && <div className="flex gap-x-2">{actions}</div>}
  </div>
)
