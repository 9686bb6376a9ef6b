import { useInfiniteQuery, useQuery } from "@tanstack/react-query"
import { useEffect, useState } from "react"
import type { EarningProduct, MeResponse, Share } from "../../client"
import { centre } from "../lib/api"
import { useI18n } from "../lib/i18n"
import { Card, ErrorBox, Loading, Money, Page, useMoney } from "../ui"

const PAGE = 10

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text)
    return true
  } catch {
    // no clipboard (plain http, some web-views): the old way, else the text is shown to copy by hand
    const area = document.createElement("textarea")
    area.value = text
    area.setAttribute("readonly", "")
    area.style.position = "fixed"
    area.style.opacity = "0"
    document.body.appendChild(area)
    area.select()
    let ok = false
    try {
      ok = document.execCommand("copy")
    } catch {
      ok = false
    }
    area.remove()
    return ok
  }
}

/** A share's mini-program page and scene, for the distributor's app to render its 小程序码 with. */
export function MiniProgram({ share }: { share: Share }) {
  const { t } = useI18n()
  return (
    <div className="mini" data-testid="mini-program">
      <p className="label">{t("share.miniProgram")}</p>
      <p className="small break">
        {t("share.miniPath")}: <code data-testid="mini-path">{share.mini_program.path}</code>
      </p>
      <p className="small break">
        {t("share.scene")}: <code data-testid="mini-scene">{share.mini_program.scene}</code>
      </p>
    </div>
  )
}

export function CopyButton({ text, testId }: { text: string; testId: string }) {
  const { t } = useI18n()
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle")
  return (
    <>
      <button type="button" className="primary" data-testid={testId} onClick={() => void copyText(text).then((ok) => setState(ok ? "copied" : "failed"))}>
        {state === "copied" ? t("share.copied") : t("share.copy")}
      </button>
      <span role="status" className="copied" data-testid={`${testId}-status`}>
        {state === "copied" ? `${t("share.copied")}: ${text}` : state === "failed" ? `${t("share.copyFailed")} ${text}` : ""}
      </span>
    </>
  )
}

/** The poster PNG, fetched with the customer's token, saved as a file and shown (a web-view saves it by a long press). */
function PosterButton({ product }: { product: EarningProduct }) {
  const { t } = useI18n()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [url, setUrl] = useState<string | null>(null)
  useEffect(() => () => void (url && URL.revokeObjectURL(url)), [url])
  const download = async () => {
    setBusy(true)
    setError(null)
    try {
      const bytes = await centre.poster(product.id)
      const next = URL.createObjectURL(new Blob([bytes], { type: "image/png" }))
      setUrl(next)
      const a = document.createElement("a")
      a.href = next
      a.download = `poster-${product.handle}.png`
      document.body.appendChild(a)
      a.click()
      a.remove()
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }
  return (
    <>
      <button type="button" disabled={busy} data-testid="poster-download" onClick={() => void download()}>
        {t("share.poster")}
      </button>
      {error !== null && <ErrorBox error={error} />}
      {url && <img className="poster" src={url} alt={product.title} data-testid="poster-image" />}
    </>
  )
}

function ProductRow({ product, currency }: { product: EarningProduct; currency: string }) {
  const { t } = useI18n()
  const money = useMoney()
  const [shared, setShared] = useState<string | null>(null)
  const variant = product.variants.find((v) => v.commission !== null) ?? product.variants[0]
  // The product's share comes with the list (its URL and mini-program scene).
  const share = async () => {
    if (!product.share) return
    const url = product.share.url
    if (navigator.share) {
      await navigator.share({ title: product.title, url }).catch(() => undefined)
    } else {
      await copyText(url)
    }
    setShared(url)
  }
  return (
    <li className="product" data-testid="product-row">
      {product.thumbnail ? <img src={product.thumbnail} alt="" width={56} height={56} loading="lazy" /> : <span className="thumb" />}
      <div className="product-body">
        <span className="product-title">{product.title}</span>
        {variant?.price && (
          <span className="muted small">
            <Money amount={variant.price} currency={currency} />
            {variant.sale && <span className="tag">{variant.sale.name}</span>}
          </span>
        )}
        <span className="earn" data-testid="product-commission">
          {variant?.commission && !/^0(\.0+)?$/.test(variant.commission)
            ? t("share.earn", { amount: money(variant.commission, currency) })
            : t("share.noCommission")}
        </span>
        <div className="row-actions">
          {product.share && (
            <button type="button" onClick={() => void share()} data-testid="product-share">
              {t("share.shareProduct")}
            </button>
          )}
          <PosterButton product={product} />
        </div>
        {shared && (
          <span className="muted small break" data-testid="product-link">
            {shared}
          </span>
        )}
      </div>
    </li>
  )
}

export function SharePage({ me }: { me: MeResponse }) {
  const { t } = useI18n()
  const [q, setQ] = useState("")
  const link = useQuery({ queryKey: ["link", "/"], queryFn: () => centre.link("/") })
  const products = useInfiniteQuery({
    queryKey: ["products", q],
    initialPageParam: 0,
    queryFn: ({ pageParam }) => centre.products({ limit: PAGE, offset: pageParam, ...(q ? { q } : {}) }),
    getNextPageParam: (last) => (last.offset + last.limit < last.count ? last.offset + last.limit : undefined),
  })
  const currency = products.data?.pages[0]?.currency_code ?? me.programme.currency_code
  return (
    <Page title={t("share.title")} testId="share-page">
      <Card title={t("share.link")} testId="share-link">
        {link.isError ? (
          <ErrorBox error={link.error} retry={() => void link.refetch()} />
        ) : !link.data ? (
          <Loading />
        ) : (
          <div className="share-grid">
            <div>
              <p className="break link-text" data-testid="share-url">
                {link.data.url}
              </p>
              <div className="row-actions">
                <CopyButton text={link.data.url} testId="copy-link" />
              </div>
              <p className="label">{t("home.code")}</p>
              <p className="code">{link.data.code}</p>
              <MiniProgram share={link.data.share} />
              {link.data.coupon_code && (
                <>
                  <p className="label">{t("share.coupon")}</p>
                  <p className="code" data-testid="coupon-code">
                    {link.data.coupon_code}
                  </p>
                </>
              )}
            </div>
            <figure className="qr">
              <img src={`data:image/png;base64,${link.data.qr.png_base64}`} alt={t("share.qr")} width={160} height={160} data-testid="qr" />
              <figcaption className="muted small">{t("share.qr")}</figcaption>
            </figure>
          </div>
        )}
      </Card>
      <Card title={t("share.products")} testId="share-products">
        <input
          type="search"
          className="search"
          placeholder={t("share.search")}
          aria-label={t("share.search")}
          onChange={(e) => setQ(e.currentTarget.value.trim())}
        />
        {products.isError && <ErrorBox error={products.error} retry={() => void products.refetch()} />}
        {products.isPending && <Loading />}
        <ul className="list">
          {products.data?.pages.flatMap((p) => p.products).map((p) => <ProductRow key={p.id} product={p} currency={currency} />)}
        </ul>
        {products.hasNextPage && (
          <button type="button" onClick={() => void products.fetchNextPage()} disabled={products.isFetchingNextPage}>
            {t("common.more")}
          </button>
        )}
      </Card>
    </Page>
  )
}
