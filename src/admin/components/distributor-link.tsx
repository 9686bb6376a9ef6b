import { Link } from "react-router-dom"
import { useDistributor } from "../hooks/distributors"

/** A distributor's name and code, linking to its page (for lists that carry only its id). */
export const DistributorLink = ({ id }: { id: string }) => {
  const { data } = useDistributor(id)
  const d = data?.distributor
  return (
    <Link to={`/distribution/distributors/${id}`} className="text-ui-fg-interactive txt-small block hover:underline" data-testid="distributor-link">
      {d ? [d.display_name || d.email, d.referral_code].filter(Boolean).join(" · ") : "…"}
    </Link>
  )
}
