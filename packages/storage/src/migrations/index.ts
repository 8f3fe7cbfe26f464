import type { Migration } from "kysely";
import * as foundation from "./20261122T0700_foundation";
import * as coreLoop from "./20261122T0800_core_loop";
import * as integrity from "./20261207T0700_integrity";
import * as stepMasteryOverride from "./20261207T0710_step_mastery_override";
import * as corrections from "./20261207T0720_corrections";
import * as throttles from "./20261207T0730_throttles";
import * as account from "./20261207T0740_account";
import * as advice from "./20261207T0750_advice";
import * as rhythm from "./20261207T0810_rhythm";
import * as readPaths from "./20261208T0700_read_paths";
import * as prepare from "./20261208T0720_prepare";
import * as sharing from "./20261208T0730_sharing";
import * as roleModels from "./20261208T0735_role_models";
import * as feedback from "./20261208T0736_feedback";
import * as rhythmPlan from "./20261208T0750_rhythm_plan";
import * as stepCounts from "./20261209T0100_step_counts";
import * as doubtRank from "./20261209T0200_doubt_rank";
import * as todayReadVersion from "./20261210T0100_today_read_version";

// Forward-only, named by timestamp, applied in name order. Append; never edit a landed one
// (scripts/check-migrations.mjs compares each against migrations.lock.json).
export const migrations: Record<string, Migration> = {
  "20261122T0700_foundation": foundation,
  "20261122T0800_core_loop": coreLoop,
  "20261207T0700_integrity": integrity,
  "20261207T0710_step_mastery_override": stepMasteryOverride,
  "20261207T0720_corrections": corrections,
  "20261207T0730_throttles": throttles,
  "20261207T0740_account": account,
  "20261207T0750_advice": advice,
  "20261207T0810_rhythm": rhythm,
  "20261208T0700_read_paths": readPaths,
  "20261208T0720_prepare": prepare,
  "20261208T0730_sharing": sharing,
  "20261208T0735_role_models": roleModels,
  "20261208T0736_feedback": feedback,
  "20261208T0750_rhythm_plan": rhythmPlan,
  "20261209T0100_step_counts": stepCounts,
  "20261209T0200_doubt_rank": doubtRank,
  "20261210T0100_today_read_version": todayReadVersion,
};
