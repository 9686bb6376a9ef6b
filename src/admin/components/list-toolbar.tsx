import { ArrowDownTray } from "@medusajs/icons"
import { Button, DataTable, Heading, Text } from "@medusajs/ui"
import { ReactNode } from "react"
import { useTableTexts } from "./data-table-texts"

/** A list page's head: its title and explanation on the left, its filters, search and buttons on the right. */
export const ListToolbar = ({ title, description, children }: { title: string; description: string; children?: ReactNode }) => {
  const texts = useTableTexts()
  return (
    <DataTable.Toolbar
      className="flex flex-col items-start justify-between gap-2 px-6 py-4 md:flex-row md:items-center"
      translations={texts.toolbar}
    >
      <div>
        <Heading>{title}</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {description}
        </Text>
      </div>
      <div className="flex gap-2">{children}</div>
    </DataTable.Toolbar>
  )
}

/** A CSV download: a plain link, so the browser saves the file with the session cookie. */
export const ExportLink = ({ href, label, testId }: { href: string; label: string; testId?: string }) => (
  <Button size="small" variant="secondary" asChild>
    <a href={href} download data-testid={testId}>
      <ArrowDownTray />
      {label}
    </a>
  </Button>
)
