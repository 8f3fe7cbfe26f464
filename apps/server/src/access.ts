import { NotFoundError } from "@cando/core";
import { type Db, type DomainRow, findAudit, findDomain, type UserRow } from "@cando/storage";

/**
 * Authorization, in one place: every route that names a resource by id loads it through here.
 * A resource that is not the caller's is reported exactly like a missing one (404), so ids of
 * other people's data reveal nothing.
 */
export const access = {
  async domain(db: Db, actor: UserRow, domainId: string): Promise<DomainRow> {
    const domain = await findDomain(db, actor.id, domainId);
    if (!domain) throw new NotFoundError("domain");
    return domain;
  },

  async audit(db: Db, actor: UserRow, auditId: string) {
    const audit = await findAudit(db, actor.id, auditId);
    if (!audit) throw new NotFoundError("audit");
    return audit;
  },
};
