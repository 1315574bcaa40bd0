// Setting a plan up from the report and keeping it answerable: recommendations and their
// coverage, themes and stages, reviews and their findings.
import type { planSetupMethods } from '../../../shared/contract-setup';
import { recommendationHandlers } from './plan-setup-recommendations';
import { reviewHandlers } from './plan-setup-reviews';
import { themeHandlers } from './plan-setup-themes';
import type { HandlerGroup } from './types';

export const planSetupHandlers: HandlerGroup<keyof typeof planSetupMethods> = {
  ...recommendationHandlers,
  ...themeHandlers,
  ...reviewHandlers,
};
