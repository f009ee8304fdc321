import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  FEED_KINDS,
  FEED_TRANSPARENCIES,
  MAX_FEED_FUTURE_DAYS,
  MAX_FEED_PAST_DAYS,
  type CreateFeedRequest,
  type FeedKind,
  type FeedTransparencyOption,
  type UpdateFeedRequest,
} from '@shiftdesk/shared-api-contract';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, Min } from 'class-validator';
import { IsPresentThenValid } from '../../../common/validators';

export class UpdateFeedDto implements UpdateFeedRequest {
  @ApiPropertyOptional({ minimum: 0, maximum: MAX_FEED_PAST_DAYS, default: 30 })
  @IsPresentThenValid()
  @IsInt({ message: `must be a whole number of days from 0 to ${MAX_FEED_PAST_DAYS}` })
  @Min(0, { message: `must be a whole number of days from 0 to ${MAX_FEED_PAST_DAYS}` })
  @Max(MAX_FEED_PAST_DAYS, { message: `must be a whole number of days from 0 to ${MAX_FEED_PAST_DAYS}` })
  pastDays?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_FEED_FUTURE_DAYS, default: 180 })
  @IsPresentThenValid()
  @IsInt({ message: `must be a whole number of days from 1 to ${MAX_FEED_FUTURE_DAYS}` })
  @Min(1, { message: `must be a whole number of days from 1 to ${MAX_FEED_FUTURE_DAYS}` })
  @Max(MAX_FEED_FUTURE_DAYS, { message: `must be a whole number of days from 1 to ${MAX_FEED_FUTURE_DAYS}` })
  futureDays?: number;

  @ApiPropertyOptional({ enum: FEED_TRANSPARENCIES, description: 'opaque: shifts show as busy; transparent: as free' })
  @IsPresentThenValid()
  @IsIn(FEED_TRANSPARENCIES, { message: `must be one of ${FEED_TRANSPARENCIES.join(', ')}` })
  transparency?: FeedTransparencyOption;
}

export class CreateFeedDto extends UpdateFeedDto implements CreateFeedRequest {
  @ApiProperty({ enum: FEED_KINDS })
  @IsIn(FEED_KINDS, { message: `must be one of ${FEED_KINDS.join(', ')}` })
  kind!: FeedKind;

  @ApiPropertyOptional({ description: 'The team of a team or gaps feed' })
  @IsOptional()
  @IsString({ message: 'must be the id of a team you manage' })
  @IsNotEmpty({ message: 'must be the id of a team you manage' })
  teamId?: string;

  @ApiPropertyOptional({ description: 'The agent of an agent feed (agents: their own id)' })
  @IsOptional()
  @IsString({ message: 'must be the id of an agent' })
  @IsNotEmpty({ message: 'must be the id of an agent' })
  agentId?: string;
}

export class ListFeedsDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'must be the id of a team' })
  teamId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'must be the id of an agent' })
  agentId?: string;
}
