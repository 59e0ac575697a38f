import styles from "./members.module.css";

/** Previous / next links that keep every filter in the URL (shareable, back button works). */
export function Pager({
  params,
  page,
  pageCount,
}: {
  params: Readonly<Record<string, string>>;
  page: number;
  pageCount: number;
}) {
  const hrefFor = (target: number) => {
    const search = new URLSearchParams({ ...params, page: String(target) });
    if (target === 1) search.delete("page");
    const text = search.toString();
    return text ? `/members?${text}` : "/members";
  };
  return (
    <nav className={styles.pager} aria-label="Pages of members">
      {page > 1 ? (
        <a className="la-button la-button-secondary" href={hrefFor(page - 1)} rel="prev">
          Previous
        </a>
      ) : null}
      <span aria-current="page">
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? (
        <a className="la-button la-button-secondary" href={hrefFor(page + 1)} rel="next">
          Next
        </a>
      ) : null}
    </nav>
  );
}
